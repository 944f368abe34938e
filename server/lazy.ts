// Libraries that only exports, imports and QR codes need, loaded on first use rather than at
// start: together they are a third of an idle process's memory (exceljs alone about 28 MB), and
// most requests — every respondent's — never touch them.
export const loadExcel = () => import('exceljs').then((m) => m.default);
export const loadQrCode = () => import('qrcode').then((m) => m.default);
export const loadResvg = () => import('@resvg/resvg-js').then((m) => m.Resvg);
