import { formatFileSize } from "../../../shared/format";

type FileLinkProps = {
  file: { id: string; originalName: string; size: number; url: string };
};

/** A stored document: downloaded from `GET /files/<id>` with the session cookie. */
export function FileLink({ file }: FileLinkProps) {
  return (
    <span className="file-link">
      <a href={file.url} download={file.originalName}>
        {file.originalName}
      </a>{" "}
      <span className="muted">({formatFileSize(file.size)})</span>
    </span>
  );
}
