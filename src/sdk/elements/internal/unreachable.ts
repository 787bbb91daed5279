/**
 * What every element says when the town's endpoint cannot answer (down, hanging past the
 * client's time limit, or answering something that is not the contract): one sentence, the
 * same in all three, that says what is missing and blames nobody, least of all the
 * shopper's connection (it is the endpoint's fault, and the shop's page around it works).
 */
export const unreachable = {
  de: 'Die Verfügbarkeit in den Geschäften der Stadt lässt sich gerade nicht abrufen.',
  en: "Availability in the town's shops cannot be retrieved right now.",
} as const;
