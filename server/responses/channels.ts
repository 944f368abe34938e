// The channels a respondent answers through by themselves (DESIGN vocabulary): a link, a poster's
// QR code, a company's invitation, or a kiosk (a tablet in a hall that serves many people). The
// others (interview, phone, paper, import) are entered by an evaluator.

export const publicChannels = ['link', 'qr', 'token', 'kiosk'] as const;
export type PublicChannel = (typeof publicChannels)[number];
