import { useId, useRef, useState } from "react";
import { NO_EMAIL_SENT_MESSAGE } from "../utils/user-status";

/** The result of an action, put in a `role="status"` region; `link` when an invitation could not go by e-mail. */
export type Notice = { message: string; link: string | null };

/** A confirmation, and the invitation link to pass on (with a copy button) when no e-mail was sent. */
export function NoticeContent({ notice }: { notice: Notice }) {
  return (
    <>
      <p className="notice notice--success">{notice.message}</p>
      {notice.link && <InvitationLink link={notice.link} />}
    </>
  );
}

function InvitationLink({ link }: { link: string }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState("");

  async function copy() {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
      setCopyStatus("Lien copié dans le presse-papiers.");
    } catch {
      // No clipboard access (permissions, insecure origin): select the text for a manual copy.
      inputRef.current?.select();
      setCopyStatus("Copie automatique impossible : le lien est sélectionné, copiez-le avec Ctrl+C.");
    }
  }

  return (
    <div className="users-invitation-link">
      <p className="users-invitation-link__warning">{NO_EMAIL_SENT_MESSAGE}</p>
      <div className="field">
        <label htmlFor={`${id}-link`}>Lien d'invitation</label>
        <div className="users-invitation-link__value">
          <input id={`${id}-link`} ref={inputRef} readOnly value={link} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            Copier le lien
          </button>
        </div>
      </div>
      {copyStatus && <p className="users-invitation-link__copied">{copyStatus}</p>}
    </div>
  );
}
