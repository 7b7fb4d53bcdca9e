package org.nas4j.core.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The few protocol-buffer encodings an ONNX file needs: varints, length-delimited and 32-bit fields. */
final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varint(int field, long value) {
        tag(field, VARINT);
        rawVarint(value);
        return this;
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter message(int field, ProtoWriter value) {
        return bytes(field, value.toByteArray());
    }

    ProtoWriter float32(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i));
        }
        return this;
    }

    ProtoWriter packedVarints(int field, long[] values) {
        ProtoWriter packed = new ProtoWriter();
        for (long v : values) {
            packed.rawVarint(v);
        }
        return bytes(field, packed.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
