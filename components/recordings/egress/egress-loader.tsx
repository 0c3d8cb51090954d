"use client";
// Loads the recording layouts in the browser only: they need WebRTC, and the query string Egress
// appends (url, token) is read on the client.
import dynamic from "next/dynamic";
import type { EgressChannelProps } from "./egress-channel";
import type { EgressStageProps } from "./egress-stage";

const Stage = dynamic(() => import("./egress-stage").then((m) => m.EgressStage), { ssr: false });
const Channel = dynamic(() => import("./egress-channel").then((m) => m.EgressChannel), { ssr: false });

export function EgressStageLoader(props: EgressStageProps) {
  return <Stage {...props} />;
}

export function EgressChannelLoader(props: EgressChannelProps) {
  return <Channel {...props} />;
}
