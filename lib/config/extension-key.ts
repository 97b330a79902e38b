/**
 * Public half of the key that pins the Chrome extension id (see docs/decisions/0002-pinned-extension-id.md).
 * A pinned id lets end-to-end tests open chrome-extension://<id>/popup.html directly and keeps IndexedDB in
 * the same origin across reinstalls of unpacked builds. It is public by design: it identifies, it does not sign.
 */
export const CHROME_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA5R1l5EtSk/fQHJ+Vt79nAyzOXxoKRkXgNe3NpMMMP5tOX2B5FaLVEenSDCiJ82SvpB9WugX6JXEKXvZR6OoI9zsuT2sfS6V9K4oeT0E2/86aDvYYrwnf31dcSVq/qqrWdwsgc4L3+DYZNnRPeU1iDtKQIEf/D114qEGDxi7jlMckoi0+SHfV9MOZIBxDJllt1WlFjzPIWWAl954GBI50imGNLOZBWRmjgn4YfjZEJikCaITYjMdophsLjMio3wLxPa91uyww9cz1FwRwJu+OcoOf8LVruxdL7uM9Gwo7IVDbITuv+wsZ3xHe+zIw+RGVJ9tLJmGZ61M85QJuTyO7FwIDAQAB';

/** The id Chrome derives from CHROME_MANIFEST_KEY (checked by a unit test). */
export const CHROME_EXTENSION_ID = 'jdncnlpoeighemnoamkojmlijahniblh';
