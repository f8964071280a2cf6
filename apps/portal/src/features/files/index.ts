export { FileLink } from "./components/file-link";
export { FileUploadField } from "./components/file-upload-field";
export { type UploadItem, useFileUploads } from "./hooks/use-file-uploads";
export {
  ACCEPTED_FILE_TYPES,
  FILES_ENDPOINT,
  MAX_UPLOAD_BYTES,
  type UploadedFile,
  UploadError,
  uploadErrorMessage,
  uploadFile,
} from "./utils/upload-file";
