// Speakers on the session page: the name in its own script with the Latin form beside it, the
// role, photo, organisation and biography in the reader's language. (The agenda's rows name them
// from compact data: components/agenda/session-row.tsx, with SpeakerName from here.)
import { NameText, PickedText } from "@/components/ui/lang-text";
import type { Locale } from "@/lib/i18n/routing";
import type { Speaker } from "@/lib/agenda/types";

export function speakerName(sp: Pick<Speaker, "name" | "nameLatin">, locale: Locale): string {
  if (!sp.nameLatin || sp.nameLatin === sp.name) return sp.name;
  return locale === "en" ? `${sp.nameLatin} (${sp.name})` : `${sp.name} (${sp.nameLatin})`;
}

/** speakerName with each part marked with its own language. */
export function SpeakerName({ sp, locale }: { sp: Pick<Speaker, "name" | "nameLatin">; locale: Locale }) {
  if (!sp.nameLatin || sp.nameLatin === sp.name) return <NameText name={sp.name} locale={locale} />;
  const [first, second] = locale === "en" ? [sp.nameLatin, sp.name] : [sp.name, sp.nameLatin];
  return (
    <>
      <NameText name={first} locale={locale} /> (<NameText name={second} locale={locale} />)
    </>
  );
}

function SpeakerCard({ sp, locale, roleLabel }: { sp: Speaker; locale: Locale; roleLabel?: string }) {
  const bio = sp.bio && Object.values(sp.bio).some(Boolean) ? sp.bio : null;
  return (
    <div className="flex gap-3">
      {sp.photoUrl && (
        // Organizers give any https address; next/image would need every host configured.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={sp.photoUrl} alt="" width={64} height={64} loading="lazy" referrerPolicy="no-referrer" className="size-16 shrink-0 rounded-full object-cover" />
      )}
      <div>
        <span className="font-medium">
          <SpeakerName sp={sp} locale={locale} />
        </span>
        {roleLabel && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{roleLabel}</span>}
        {sp.organization && (
          <span className="block text-sm text-slate-600">
            <PickedText text={sp.organization.name} locale={locale} />
          </span>
        )}
        {bio && (
          <p className="mt-1 max-w-2xl text-sm text-slate-800">
            <PickedText text={bio} locale={locale} />
          </p>
        )}
      </div>
    </div>
  );
}

export function SpeakerList({ speakers, locale, roleLabels }: { speakers: Speaker[]; locale: Locale; roleLabels?: Partial<Record<Speaker["role"], string>> }) {
  if (speakers.length === 0) return null;
  return (
    <ul className="space-y-3">
      {speakers.map((sp, i) => (
        <li key={`${sp.name}-${i}`}>
          <SpeakerCard sp={sp} locale={locale} roleLabel={sp.role === "speaker" ? undefined : roleLabels?.[sp.role]} />
        </li>
      ))}
    </ul>
  );
}
