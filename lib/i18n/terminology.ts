// One word per concept in each language, so a reader never wonders whether 分会, 场次 and 会议 are
// three different things. `en` finds the concept in an English message; the Korean and Chinese
// messages with the same key must use the chosen word, and no message may use a word avoided for
// it. Kept by terminology.test.ts over the catalogues and the mail templates.
export interface Term {
  concept: string;
  en: RegExp;
  ko: string;
  zh: string;
  avoid: { ko: RegExp[]; zh: RegExp[] };
}

export const TERMS: Term[] = [
  // 会议 is the conference itself, 议程 its agenda and 分会 reads as a parallel track: a session is 场次.
  { concept: "session", en: /\bsessions?\b/i, ko: "세션", zh: "场次", avoid: { ko: [], zh: [/分会/, /环节/, /会话/] } },
  { concept: "forum", en: /\bforums?\b/i, ko: "포럼", zh: "论坛", avoid: { ko: [], zh: [/分论坛/] } },
  { concept: "agenda", en: /\bagenda\b/i, ko: "일정", zh: "议程", avoid: { ko: [/아젠다/, /어젠다/], zh: [/日程/] } },
  { concept: "organizer", en: /\borgani[sz]ers?\b/i, ko: "주최자", zh: "主办方", avoid: { ko: [/주최 측/, /주최측/], zh: [/组织者/] } },
  { concept: "speaker", en: /\bspeakers?\b/i, ko: "발표자", zh: "发言人", avoid: { ko: [/연사/], zh: [/演讲人/, /讲者/, /报告人/] } },
  { concept: "interpreter", en: /\binterpreters?\b/i, ko: "통역사", zh: "口译员", avoid: { ko: [/통역자/, /통역인/], zh: [/(?<!口)译员/] } },
  { concept: "delegate", en: /\bdelegates?\b/i, ko: "대표단원", zh: "代表", avoid: { ko: [/대표단(?!원)/], zh: [] } },
  { concept: "observer", en: /\bobservers?\b/i, ko: "참관인", zh: "观察员", avoid: { ko: [/참관자/], zh: [] } },
  { concept: "waitlist", en: /\bwait(ing )?list/i, ko: "대기자 명단", zh: "候补名单", avoid: { ko: [/대기 명단/], zh: [/等候名单/, /候补名册/] } },
  { concept: "registration", en: /\bregist(er|ers|ered|ering|ration|rations)\b/i, ko: "등록", zh: "注册", avoid: { ko: [], zh: [/报名/] } },
  // A forum's live video room (the audio device "speaker" is another word: 스피커, 扬声器).
  { concept: "room", en: /\brooms?\b/i, ko: "회의실", zh: "会议室", avoid: { ko: [/룸/], zh: [/房间/] } },
  { concept: "event", en: /\bevents?\b/i, ko: "행사", zh: "会议", avoid: { ko: [], zh: [/活动/] } },
  // A one-to-one meeting between two participants (lib/meetings): 회의 and 会议 are the conference.
  { concept: "meeting", en: /\bmeetings?\b/i, ko: "면담", zh: "会谈", avoid: { ko: [/미팅/], zh: [/会面/, /约见/] } },
];
