import { defineMessages } from "../define";

export const attachments = defineMessages({
  da: {},
  en: {},
});
