import { defineMessages } from "../define";

export const applications = defineMessages({
  da: {
    "notification.application.submitted.subject": "Ny ansøgning til indstilling: {title}",
    "notification.application.submitted.body":
      "Ansøgningen {reference} \"{title}\" fra {unit} er indsendt i {round} og venter på din indstilling senest {deadline}.",
    "notification.application.submittedReceipt.subject": "Kvittering: ansøgning {reference} er indsendt",
    "notification.application.submittedReceipt.body": "Tak for ansøgningen {reference} \"{title}\". Den venter nu på forvaltningschefens indstilling.",
    "notification.application.returned.subject": "Ansøgning {reference} er sendt tilbage til ændringer",
    "notification.application.returned.body": "Ansøgningen {reference} \"{title}\" er sendt tilbage af {by} med kommentaren: {comment}",
    "notification.application.endorsed.subject": "Ansøgning {reference} er indstillet",
    "notification.application.endorsed.body": "Ansøgningen {reference} \"{title}\" er indstillet af {by} og går videre til puljesekretariatet.",
    "notification.application.withdrawn.subject": "Ansøgning {reference} er trukket tilbage",
    "notification.application.withdrawn.body": "Ansøgningen {reference} \"{title}\" fra {unit} er trukket tilbage af ansøgeren.",
    "notification.footer": "Med venlig hilsen\nKompetencepuljen, MSB, Aarhus Kommune\n\nSe ansøgningen: {link}",
  },
  en: {
    "notification.application.submitted.subject": "New application awaiting endorsement: {title}",
    "notification.application.submitted.body":
      "Application {reference} \"{title}\" from {unit} was submitted in {round} and awaits your endorsement by {deadline}.",
    "notification.application.submittedReceipt.subject": "Receipt: application {reference} has been submitted",
    "notification.application.submittedReceipt.body": "Thank you for application {reference} \"{title}\". It now awaits the area lead's endorsement.",
    "notification.application.returned.subject": "Application {reference} has been returned for changes",
    "notification.application.returned.body": "Application {reference} \"{title}\" was returned by {by} with the comment: {comment}",
    "notification.application.endorsed.subject": "Application {reference} has been endorsed",
    "notification.application.endorsed.body": "Application {reference} \"{title}\" was endorsed by {by} and goes on to the pool secretariat.",
    "notification.application.withdrawn.subject": "Application {reference} has been withdrawn",
    "notification.application.withdrawn.body": "Application {reference} \"{title}\" from {unit} was withdrawn by the applicant.",
    "notification.footer": "Kind regards\nThe Competence Pool, MSB, Aarhus Municipality\n\nSee the application: {link}",
  },
});
