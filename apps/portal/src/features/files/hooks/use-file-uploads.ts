import { useCallback, useEffect, useRef, useState } from "react";
import { MAX_UPLOAD_BYTES, UploadError, uploadErrorMessage, uploadFile } from "../utils/upload-file";

export type UploadItem = {
  /** Local key (a file may be picked twice). */
  key: string;
  name: string;
  size: number;
  status: "uploading" | "done" | "error";
  /** 0 to 1. */
  progress: number;
  /** The stored file's id once uploaded. */
  fileId: string | null;
  error: string | null;
};

let nextKey = 0;

/**
 * Files picked for one submission: each is uploaded as soon as it is picked, with its progress, and can be
 * cancelled (while sending) or removed (once sent). Uploads still running when the form goes away are aborted.
 */
export function useFileUploads(projectId: string) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const aborts = useRef(new Map<string, () => void>());

  useEffect(() => {
    const running = aborts.current;
    return () => {
      for (const abort of running.values()) abort();
      running.clear();
    };
  }, []);

  const patch = useCallback((key: string, changes: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  }, []);

  const addFiles = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        nextKey += 1;
        const key = `upload-${nextKey}`;
        const base: UploadItem = { key, name: file.name, size: file.size, status: "uploading", progress: 0, fileId: null, error: null };
        if (file.size > MAX_UPLOAD_BYTES) {
          const error = uploadErrorMessage(new UploadError("FILE_TOO_LARGE", 413, ""), file.name);
          setItems((current) => [...current, { ...base, status: "error", error }]);
          continue;
        }
        setItems((current) => [...current, base]);
        const handle = uploadFile(projectId, file, (progress) => patch(key, { progress }));
        aborts.current.set(key, handle.abort);
        handle.result.then(
          (stored) => {
            aborts.current.delete(key);
            patch(key, { status: "done", progress: 1, fileId: stored.id });
          },
          (error: unknown) => {
            aborts.current.delete(key);
            if (error instanceof UploadError && error.code === "ABORTED") {
              setItems((current) => current.filter((item) => item.key !== key));
            } else {
              patch(key, { status: "error", error: uploadErrorMessage(error, file.name) });
            }
          },
        );
      }
    },
    [patch, projectId],
  );

  /** Cancels a running upload, or forgets a finished or failed one. */
  const remove = useCallback((key: string) => {
    const abort = aborts.current.get(key);
    if (abort) {
      abort();
      return;
    }
    setItems((current) => current.filter((item) => item.key !== key));
  }, []);

  const reset = useCallback(() => {
    for (const abort of aborts.current.values()) abort();
    aborts.current.clear();
    setItems([]);
  }, []);

  return {
    items,
    addFiles,
    remove,
    reset,
    isUploading: items.some((item) => item.status === "uploading"),
    fileIds: items.flatMap((item) => (item.status === "done" && item.fileId ? [item.fileId] : [])),
  };
}
