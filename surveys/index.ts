// The pure surveys module: definitions, visibility, answer validation, form conversion.
// The bundled templates live in ./templates/index.ts and are not re-exported here, so the
// respondent page can import this module without carrying both questionnaires.
export * from './definition.ts';
export * from './visibility.ts';
export * from './answers.ts';
export * from './form.ts';
export * from './method.ts';
export * from './numbering.ts';
