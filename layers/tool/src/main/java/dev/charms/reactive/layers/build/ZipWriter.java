package dev.charms.reactive.layers.build;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a zip archive byte for byte the same for the same entries: one fixed timestamp for every entry, Unix
 * modes in the external attributes (which Juju reads: 0755 executables, 0644 files, 0777 symbolic links stored
 * as their target text), no extra fields, no comments. {@link java.util.zip.ZipOutputStream} cannot set Unix
 * modes, hence this writer. Zip64 is not supported (4 GiB, 65535 entries).
 */
final class ZipWriter implements Closeable {

    private static final int UNIX = 3;
    private static final int VERSION = 20;
    private static final int UTF8_NAMES = 0x0800;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;
    private static final int REGULAR_FILE = 0100000;
    private static final int SYMLINK = 0120000;

    private final OutputStream out;
    private final int dosTime;
    private final int dosDate;
    private final ByteArrayOutputStream centralDirectory = new ByteArrayOutputStream();
    private long offset;
    private int entries;

    /**
     * @param epochSeconds the timestamp of every entry, in seconds since 1970 UTC; times before 1980 (the
     *                     earliest a zip can hold) become 1980-01-01 00:00:00
     */
    ZipWriter(OutputStream out, long epochSeconds) {
        this.out = out;
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        if (time.getYear() < 1980) {
            time = LocalDateTime.of(1980, 1, 1, 0, 0);
        }
        this.dosTime = (time.getHour() << 11) | (time.getMinute() << 5) | (time.getSecond() / 2);
        this.dosDate = ((time.getYear() - 1980) << 9) | (time.getMonthValue() << 5) | time.getDayOfMonth();
    }

    /** Adds a regular file, deflated, with Unix {@code mode} (e.g. 0644). */
    void file(String name, byte[] content, int mode) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        entry(name, DEFLATED, content, compressed.toByteArray(), REGULAR_FILE | mode);
    }

    /** Adds a symbolic link to {@code target}, stored, with mode 0777. */
    void symlink(String name, String target) throws IOException {
        byte[] text = target.getBytes(StandardCharsets.UTF_8);
        entry(name, STORED, text, text, SYMLINK | 0777);
    }

    private void entry(String name, int method, byte[] content, byte[] data, int mode) throws IOException {
        if (entries == 0xFFFF || offset + data.length > 0xFFFFFFFFL) {
            throw new IOException("archive too large for a zip without Zip64 at " + name);
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        ByteArrayOutputStream local = new ByteArrayOutputStream();
        int32(local, 0x04034b50);
        int16(local, VERSION);
        common(local, method, crc.getValue(), data.length, content.length, nameBytes.length);
        local.write(nameBytes);
        local.write(data);
        int32(centralDirectory, 0x02014b50);
        int16(centralDirectory, (UNIX << 8) | VERSION);
        int16(centralDirectory, VERSION);
        common(centralDirectory, method, crc.getValue(), data.length, content.length, nameBytes.length);
        int16(centralDirectory, 0);
        int16(centralDirectory, 0);
        int16(centralDirectory, 0);
        int32(centralDirectory, (long) mode << 16);
        int32(centralDirectory, offset);
        centralDirectory.write(nameBytes);
        local.writeTo(out);
        offset += local.size();
        entries++;
    }

    private void common(ByteArrayOutputStream header, int method, long crc, long compressed, long size,
            int nameLength) {
        int16(header, UTF8_NAMES);
        int16(header, method);
        int16(header, dosTime);
        int16(header, dosDate);
        int32(header, crc);
        int32(header, compressed);
        int32(header, size);
        int16(header, nameLength);
        int16(header, 0);
    }

    @Override
    public void close() throws IOException {
        ByteArrayOutputStream end = new ByteArrayOutputStream();
        int32(end, 0x06054b50);
        int16(end, 0);
        int16(end, 0);
        int16(end, entries);
        int16(end, entries);
        int32(end, centralDirectory.size());
        int32(end, offset);
        int16(end, 0);
        centralDirectory.writeTo(out);
        end.writeTo(out);
        out.close();
    }

    private static void int16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, long value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }
}
