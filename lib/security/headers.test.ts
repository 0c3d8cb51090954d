// Security headers of pages: the CSP allows exactly the app, LiveKit and storage addresses, camera
// and microphone only in rooms, HSTS only over HTTPS.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, isRoomPath, pageSecurityHeaders, permissionsPolicy, s3Origins, type SecurityConfig } from "./headers";

const config: SecurityConfig = { liveKitUrl: "wss://live.example.org", publicBaseUrl: "http://127.0.0.1:3000", dev: false };
const page = { pathname: "/en/events/clean-sky-2021/agenda", protocol: "http:", host: "127.0.0.1:3000" };

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("room paths", () => {
  it("are the live pages of sessions in a served language, nothing else", () => {
    expect(isRoomPath("/ko/sessions/abc/live")).toBe(true);
    expect(isRoomPath("/en/sessions/abc/live/")).toBe(true);
    expect(isRoomPath("/zh/meetings/abc/live")).toBe(true);
    expect(isRoomPath("/en/meetings/abc")).toBe(false);
    expect(isRoomPath("/en/sessions/abc")).toBe(false);
    expect(isRoomPath("/en/sessions/abc/live/x")).toBe(false);
    expect(isRoomPath("/fr/sessions/abc/live")).toBe(false);
    expect(isRoomPath("/en/egress/f1")).toBe(false);
  });
});

describe("content security policy", () => {
  it("never allows eval in production, and lets the page reach LiveKit over ws and http", () => {
    const csp = contentSecurityPolicy(page, config, false);
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' wss://live.example.org https://live.example.org");
    for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development", () => {
    expect(directive(contentSecurityPolicy(page, { ...config, dev: true }, false), "script-src")).toContain("'unsafe-eval'");
  });

  it("lets media and images come from the S3 endpoint presigned redirects point to", () => {
    const csp = contentSecurityPolicy(page, { ...config, s3: { endpoint: "http://127.0.0.1:9000", bucket: "rec", region: "us-east-1", forcePathStyle: true } }, false);
    expect(directive(csp, "media-src")).toBe("media-src 'self' blob: http://127.0.0.1:9000");
    expect(directive(csp, "img-src")).toContain("http://127.0.0.1:9000");
  });

  it("lets pages show images from https addresses (speakers' photos given as links), never plain http ones", () => {
    const img = directive(contentSecurityPolicy(page, config, false), "img-src")!.split(" ");
    expect(img).toContain("https:");
    expect(img).not.toContain("http:");
    expect(img).not.toContain("*");
  });

  it("adds the LiveKit server Egress names only on Egress layout pages", () => {
    const egressUrl = "ws://livekit.internal:7880";
    expect(directive(contentSecurityPolicy({ ...page, pathname: "/en/egress/f1", egressUrl }, config, false), "connect-src")).toContain("ws://livekit.internal:7880");
    expect(directive(contentSecurityPolicy({ ...page, egressUrl }, config, false), "connect-src")).not.toContain("livekit.internal");
    expect(directive(contentSecurityPolicy({ ...page, pathname: "/en/egress/f1", egressUrl: "javascript:alert(1)" }, config, false), "connect-src")).not.toContain("javascript");
  });
});

describe("S3 origins", () => {
  it("are the bucket's virtual host unless path style is forced, and AWS's hosts without an endpoint", () => {
    expect(s3Origins({ endpoint: "https://minio.example.org", bucket: "b", region: "r", forcePathStyle: false })).toEqual(["https://b.minio.example.org", "https://minio.example.org"]);
    expect(s3Origins({ bucket: "b", region: "eu-west-1", forcePathStyle: false })).toEqual(["https://b.s3.eu-west-1.amazonaws.com", "https://s3.eu-west-1.amazonaws.com"]);
    expect(s3Origins(undefined)).toEqual([]);
  });
});

describe("permissions policy", () => {
  it("allows camera, microphone and screen capture in rooms only", () => {
    expect(permissionsPolicy(true)).toContain("camera=(self), microphone=(self), display-capture=(self)");
    expect(permissionsPolicy(false)).toContain("camera=(), microphone=(), display-capture=()");
  });
});

describe("HSTS", () => {
  it("is sent only when the browser came over HTTPS", () => {
    expect(pageSecurityHeaders(page, config)["Strict-Transport-Security"]).toBeUndefined();
    expect(pageSecurityHeaders({ ...page, forwardedProto: "https" }, config)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(isHttps({ ...page, protocol: "https:" }, config)).toBe(true);
    expect(isHttps({ ...page, forwardedProto: "http" }, { ...config, publicBaseUrl: "https://plenary.example.org" })).toBe(false);
  });

  it("follows an https site address, except on plain loopback http", () => {
    const site = { ...config, publicBaseUrl: "https://plenary.example.org" };
    expect(isHttps({ ...page, host: "plenary.example.org" }, site)).toBe(true);
    expect(isHttps({ ...page, host: "127.0.0.1:3000" }, site)).toBe(false);
    expect(isHttps({ ...page, host: "localhost:3000" }, site)).toBe(false);
  });
});
