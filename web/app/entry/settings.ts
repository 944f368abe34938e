// The entry form's settings, chosen once per survey and kept across questionnaires and reloads.
export const entryChannels = ['interview', 'phone', 'paper'] as const;
export type EntryChannel = (typeof entryChannels)[number];

export interface EntrySettings {
  channel: EntryChannel;
  interviewer: string;
}

const key = (surveyId: string) => `mny-entry-${surveyId}`;

export function loadSettings(surveyId: string, fallbackInterviewer: string): EntrySettings {
  try {
    const raw = JSON.parse(localStorage.getItem(key(surveyId)) ?? 'null') as Partial<EntrySettings> | null;
    const channel = entryChannels.find((c) => c === raw?.channel) ?? 'interview';
    const interviewer = typeof raw?.interviewer === 'string' && raw.interviewer.trim() ? raw.interviewer : fallbackInterviewer;
    return { channel, interviewer };
  } catch {
    return { channel: 'interview', interviewer: fallbackInterviewer };
  }
}

export function saveSettings(surveyId: string, settings: EntrySettings): void {
  try {
    localStorage.setItem(key(surveyId), JSON.stringify(settings));
  } catch {
    // Private mode: the settings last for this page only.
  }
}
