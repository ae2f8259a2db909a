package flynn.controller.routes;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Just enough DER to move a key between its traditional and its PKCS#8 encoding. */
final class Der {
  static final int SEQUENCE = 0x30;
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;

  private Der() {}

  /** The end offset of the element (tag, length, content) starting at {@code offset}. */
  static int end(byte[] der, int offset) {
    return contentStart(der, offset) + contentLength(der, offset);
  }

  /** The offset of the content of the element starting at {@code offset}. */
  static int contentStart(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    return offset + 2 + (first < 0x80 ? 0 : first & 0x7f);
  }

  static int contentLength(byte[] der, int offset) {
    int first = der[offset + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int count = first & 0x7f;
    if (count == 0 || count > 3) {
      throw new IllegalArgumentException("unsupported DER length");
    }
    int length = 0;
    for (int i = 0; i < count; i++) {
      length = (length << 8) | (der[offset + 2 + i] & 0xff);
    }
    return length;
  }

  /** The element starting at {@code offset}, whole. */
  static byte[] element(byte[] der, int offset) {
    return Arrays.copyOfRange(der, offset, end(der, offset));
  }

  /** The content of the element starting at {@code offset}. */
  static byte[] content(byte[] der, int offset) {
    return Arrays.copyOfRange(der, contentStart(der, offset), end(der, offset));
  }

  static byte[] encode(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      content.writeBytes(p);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    writeLength(out, content.size());
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
  }
}
