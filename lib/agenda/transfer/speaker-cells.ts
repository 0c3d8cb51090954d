// The speakers / moderators / interpreters cells. Entries are separated by ";". An entry is
//   e-mail                          a registered person (needs an approved registration)
//   e-mail | | organisation key     the same, speaking for another organisation than their own
//   name | Latin name | org key     a guest; Latin name and organisation key may be left out
// Full-width "；" and "｜" count too: they are what a Korean or Chinese keyboard types.

export interface SpeakerEntry {
  /** Lower-cased; null for a guest. */
  email: string | null;
  name: string;
  nameLatin: string;
  organizationKey: string;
}

export interface EntryProblem {
  message: "speakerFormat" | "latinForRegistered";
  value: string;
}

const emailPattern = /^[^\s@|;]+@[^\s@|;]+\.[^\s@|;]+$/;

export function encodeSpeaker(entry: SpeakerEntry): string {
  const fields = entry.email ? [entry.email, "", entry.organizationKey] : [entry.name, entry.nameLatin, entry.organizationKey];
  while (fields.length > 1 && fields[fields.length - 1] === "") fields.pop();
  return fields.reduce((out, f, i) => (i === 0 ? f : `${out} |${f ? ` ${f}` : ""}`), "");
}

export function encodeSpeakers(entries: SpeakerEntry[]): string {
  return entries.map(encodeSpeaker).join("; ");
}

export function decodeSpeakers(cell: string): { entries: SpeakerEntry[]; problems: EntryProblem[] } {
  const entries: SpeakerEntry[] = [];
  const problems: EntryProblem[] = [];
  for (const raw of cell.split(/[;；\r\n]+/)) {
    const value = raw.trim();
    if (!value) continue;
    const [first, latin = "", org = "", ...rest] = value.split(/[|｜]/).map((f) => f.trim());
    if (!first || rest.length) {
      problems.push({ message: "speakerFormat", value });
      continue;
    }
    if (first.includes("@")) {
      if (!emailPattern.test(first)) problems.push({ message: "speakerFormat", value });
      else if (latin) problems.push({ message: "latinForRegistered", value });
      else entries.push({ email: first.toLowerCase(), name: "", nameLatin: "", organizationKey: org });
      continue;
    }
    entries.push({ email: null, name: first, nameLatin: latin, organizationKey: org });
  }
  return { entries, problems };
}
