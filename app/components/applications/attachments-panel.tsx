// The attachments (bilag) of an application: a list with download links, and —
// when the user may edit — an upload form and a remove form per file. Both
// forms post to /applications/:id/attachments, which redirects back here with
// the outcome in the URL (?attachmentError=…, ?attachmentOk=…, #bilag): the
// message is shown next to the file field, with and without JavaScript.
import { Form, useLocation, useSearchParams } from "react-router";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_APPLICATION } from "~/domain/applications/attachments";
import { isolateText } from "~/domain/text";
import { formatDateTime } from "~/i18n";
import { useLang, useT } from "~/utils/i18n";
import { Alert } from "../ui/alert";
import { UserText } from "../ui/user-text";
import {
  ACCEPT_ATTRIBUTE,
  acceptedTypesText,
  attachmentErrorText,
  fileTypeLabel,
  formatFileSize,
  isAttachmentErrorCode,
} from "./attachment-messages";

export interface AttachmentsPanelProps {
  applicationId: string;
  attachments: readonly { id: string; fileName: string; sizeBytes: number; mimeType: string; createdAt: Date | string }[];
  canEdit: boolean;
  headingLevel?: 2 | 3;
}

export function AttachmentsPanel({ applicationId, attachments, canEdit, headingLevel = 2 }: AttachmentsPanelProps) {
  const t = useT();
  const lang = useLang();
  const [searchParams] = useSearchParams();
  // A new key after every navigation empties the file field once its file was handled.
  const { key: locationKey } = useLocation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const errorParam = searchParams.get("attachmentError");
  const errorCode = isAttachmentErrorCode(errorParam) ? errorParam : null;
  const okParam = searchParams.get("attachmentOk");
  const name = searchParams.get("name");
  const action = `/applications/${applicationId}/attachments`;
  const max = formatFileSize(MAX_ATTACHMENT_BYTES, lang);
  const full = attachments.length >= MAX_ATTACHMENTS_PER_APPLICATION;
  // Errors about removing belong to the list; all others to the file field.
  const removeError = errorCode === "confirmRemove" || (errorCode === "notEditable" && !name);
  const errorText = errorCode ? attachmentErrorText(t, lang, errorCode, searchParams.get("ext")) : null;
  const fileError = errorText && !removeError ? errorText : null;

  return (
    <section id="bilag" aria-labelledby="bilag-heading" tabIndex={-1}>
      <Heading id="bilag-heading">{t("attachments.title")}</Heading>
      <p>{t("attachments.intro", { max, count: MAX_ATTACHMENTS_PER_APPLICATION })}</p>

      {okParam === "added" ? (
        <Alert variant="success" role="status">
          <p className="alert-text">{name ? t("attachments.added", { fileName: isolateText(name) }) : t("attachments.addedPlain")}</p>
        </Alert>
      ) : null}
      {okParam === "removed" ? (
        <Alert variant="success" role="status">
          <p className="alert-text">{t("attachments.removed")}</p>
        </Alert>
      ) : null}
      {errorText && (removeError || !canEdit) ? (
        <Alert variant="error" role="alert" testId="attachment-error">
          <p className="alert-text">{errorText}</p>
        </Alert>
      ) : null}

      {attachments.length === 0 ? (
        <p>{t("attachments.none")}</p>
      ) : (
        <div className="kp-table-wrap">
          <table className="table table--compact" data-testid="attachments">
            <caption>{t("attachments.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("attachments.colName")}</th>
                <th scope="col" className="kp-num">
                  {t("attachments.colSize")}
                </th>
                <th scope="col">{t("attachments.colType")}</th>
                <th scope="col">{t("attachments.colAdded")}</th>
                {canEdit ? <th scope="col">{t("attachments.colActions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a href={`/attachments/${a.id}`}>
                      <UserText text={a.fileName} />
                    </a>
                  </td>
                  <td className="kp-num kp-nowrap">{formatFileSize(a.sizeBytes, lang)}</td>
                  <td>{fileTypeLabel(a.fileName)}</td>
                  <td className="kp-nowrap">{formatDateTime(new Date(a.createdAt), lang)}</td>
                  {canEdit ? (
                    <td>
                      <Form method="post" action={action} className="kp-inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="attachmentId" value={a.id} />
                        <div className="form-group-checkbox">
                          <input className="form-checkbox" type="checkbox" id={`remove-${a.id}`} name="confirm" value="yes" required />
                          <label className="form-label" htmlFor={`remove-${a.id}`}>
                            {t("attachments.removeConfirm", { fileName: isolateText(a.fileName) })}
                          </label>
                        </div>
                        <button type="submit" className="button button-secondary kp-small-button">
                          {t("attachments.remove")}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="form-hint">{t("attachments.downloadHint")}</p>
        </div>
      )}

      {canEdit ? (
        full && !fileError ? (
          <p>{t("attachments.limitReached", { max: MAX_ATTACHMENTS_PER_APPLICATION })}</p>
        ) : (
          <Form key={locationKey} method="post" action={action} encType="multipart/form-data" data-testid="attachment-upload">
            <input type="hidden" name="intent" value="upload" />
            <div className={fileError ? "form-group form-error" : "form-group"}>
              <label className="form-label" htmlFor="attachment-file">
                {t("attachments.file")}
              </label>
              <span className="form-hint" id="attachment-file-hint">
                {t("attachments.fileHint", { types: acceptedTypesText(), max })}
              </span>
              {fileError ? (
                <span className="form-error-message" id="attachment-file-error" role="alert">
                  <span className="sr-only">{t("error.title")}: </span>
                  {name ? `${t("attachments.notTaken", { fileName: isolateText(name) })} ` : ""}
                  {fileError}
                </span>
              ) : null}
              <input
                className="form-input"
                type="file"
                id="attachment-file"
                name="file"
                accept={ACCEPT_ATTRIBUTE}
                required
                aria-invalid={fileError ? true : undefined}
                aria-describedby={fileError ? "attachment-file-hint attachment-file-error" : "attachment-file-hint"}
              />
            </div>
            <div className="kp-actions">
              <button type="submit" className="button button-secondary">
                {t("attachments.upload")}
              </button>
            </div>
          </Form>
        )
      ) : null}
    </section>
  );
}
