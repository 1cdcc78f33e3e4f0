package dev.kubefluent.testing.internal.controller;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash} label value, as {@code controller.ComputeHash} computes it: 32-bit FNV-1a over the
 * template, then the collision count as 8 little-endian bytes (only the low 4 set), then {@code
 * rand.SafeEncodeString} of the decimal hash.
 *
 * <p>The real controller hashes a {@code spew} dump of the Go struct, which cannot be reproduced outside Go; this
 * hashes fabric8's canonical JSON serialization of the template instead. The result is stable, changes with every
 * template change and looks like a real hash (e.g. {@code 7c5ddbdf54}), but is not the value a real cluster would
 * compute for the same template.
 */
final class PodTemplateHash {

    static final String LABEL = "pod-template-hash";

    /** {@code k8s.io/apimachinery/pkg/util/rand.alphanums}: no vowels, no confusable characters. */
    private static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    private PodTemplateHash() {
    }

    static String compute(PodTemplateSpec template, Integer collisionCount) {
        int hash = FNV_OFFSET;
        for (byte b : Meta.SERIALIZATION.asJson(template).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        if (collisionCount != null) {
            int c = collisionCount;
            byte[] bytes = {(byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) (c >>> 24), 0, 0, 0, 0};
            for (byte b : bytes) {
                hash ^= b & 0xff;
                hash *= FNV_PRIME;
            }
        }
        return safeEncode(Integer.toUnsignedString(hash));
    }

    /** {@code rand.SafeEncodeString}. */
    static String safeEncode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(ALPHANUMS.charAt(s.charAt(i) % ALPHANUMS.length()));
        }
        return out.toString();
    }
}
