import { act } from "@testing-library/react";
import { vi } from "vitest";

type Handler = ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;

/**
 * A stand-in for XMLHttpRequest: records each request and lets the test drive its progress and answer.
 * Install with {@link installFakeXhr}; undo with `vi.unstubAllGlobals()`.
 */
export class FakeXhr {
  static instances: FakeXhr[] = [];

  method = "";
  url = "";
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = "";
  isAborted = false;
  upload: { onprogress: Handler } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.instances.push(this);
  }

  abort() {
    this.isAborted = true;
    this.onabort?.();
  }

  /** The uploaded file (field `file` of the multipart body). */
  get file(): File | null {
    return this.body instanceof FormData ? (this.body.get("file") as File | null) : null;
  }

  async progress(loaded: number, total: number) {
    await act(async () => {
      this.upload.onprogress?.({ lengthComputable: true, loaded, total });
    });
  }

  async respond(status: number, body: unknown) {
    await act(async () => {
      this.status = status;
      this.responseText = typeof body === "string" ? body : JSON.stringify(body);
      this.onload?.();
    });
  }
}

export function installFakeXhr(): typeof FakeXhr {
  FakeXhr.instances = [];
  vi.stubGlobal("XMLHttpRequest", FakeXhr);
  return FakeXhr;
}

/** The API's answer to a stored file. */
export function storedFile(id: string, file: File) {
  return { id, sha256: "0".repeat(64), size: file.size, contentType: file.type, originalName: file.name };
}
