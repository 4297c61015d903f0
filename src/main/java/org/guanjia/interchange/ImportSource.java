package org.guanjia.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.guanjia.interchange.InterchangeFiles.FileSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an import reads: a folder of .csv/.xlsx files, a ZIP of them, one such file, or the files
 * uploaded in the UI (ZIPs and single files). ZIP entries are unpacked into a temporary folder
 * (XLSX streaming needs a file), with the limits of {@link ImportLimits} enforced while
 * inflating; {@link #close} deletes what was unpacked.
 *
 * <p>Files with a .csv or .xlsx extension must be files of the format (a misspelt name is
 * refused, not skipped); other files such as a README.txt are ignored, as are folders inside a
 * ZIP (a ZIP of a folder works) and hidden entries ({@code __MACOSX/}, dot files).
 */
public final class ImportSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImportSource.class);

    /** A file as uploaded: its name as the user had it, and where its bytes are now. */
    public record Upload(String fileName, Path content) {
    }

    /** A data file to read: its name for the report ({@code units.csv}), its format file. */
    record DataFile(String name, FileSpec spec, Path path, boolean xlsx) {
    }

    private record Input(String name, Path path) {
    }

    private final List<Input> inputs;
    private final List<Path> temporary = new ArrayList<>();

    private ImportSource(List<Input> inputs) {
        this.inputs = inputs;
    }

    /** A folder of .csv/.xlsx files, a .zip, or one .csv/.xlsx file. */
    public static ImportSource of(Path folderOrZipOrSingleFile) {
        Path p = folderOrZipOrSingleFile;
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.list(p)) {
                return new ImportSource(files.filter(Files::isRegularFile).sorted()
                        .map(f -> new Input(f.getFileName().toString(), f)).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ImportSource(List.of(new Input(String.valueOf(p.getFileName()), p)));
    }

    /** Files uploaded in the UI: ZIPs and/or single .csv/.xlsx files. */
    public static ImportSource ofUploads(List<Upload> files) {
        return new ImportSource(files.stream().map(u -> new Input(fileName(u.fileName()), u.content())).toList());
    }

    /** The names given (for the log and the audit line). */
    public String describe() {
        return String.join(", ", inputs.stream().map(Input::name).toList());
    }

    /**
     * The data files, unpacking ZIPs; every file that cannot be taken is reported to
     * {@code problems} (row 0) and left out.
     */
    List<DataFile> open(ImportLimits limits, Problems problems) throws IOException {
        Map<String, List<DataFile>> byBase = new LinkedHashMap<>();
        if (inputs.isEmpty()) {
            problems.add("-", 0, null, "imp.problem.noFiles");
        }
        for (Input in : inputs) {
            if (!Files.isRegularFile(in.path())) {
                problems.add(in.name(), 0, null, "imp.problem.noSuchFile");
                continue;
            }
            String ext = extension(in.name());
            if (ext.equals("zip")) {
                if (Files.size(in.path()) > limits.maxFileBytes()) {
                    problems.add(in.name(), 0, null, "imp.problem.fileTooLarge", Files.size(in.path()),
                            limits.maxFileBytes());
                    continue;
                }
                unzip(in, limits, problems, byBase);
            } else if (ext.equals("csv") || ext.equals("xlsx")) {
                candidate(in.name(), in.path(), problems, byBase);
            } else {
                log.info("Import ignores {} (not .csv, .xlsx or .zip)", in.name());
            }
        }
        List<DataFile> files = new ArrayList<>();
        for (Map.Entry<String, List<DataFile>> e : byBase.entrySet()) {
            List<DataFile> same = e.getValue();
            if (same.size() > 1) {
                for (DataFile f : same) {
                    problems.add(f.name(), 0, null, "imp.problem.twoFiles",
                            String.join(", ", same.stream().map(DataFile::name).toList()));
                }
                continue;
            }
            DataFile f = same.get(0);
            long size = Files.size(f.path());
            if (size > limits.maxFileBytes()) {
                problems.add(f.name(), 0, null, "imp.problem.fileTooLarge", size, limits.maxFileBytes());
                continue;
            }
            files.add(f);
        }
        files.sort(Comparator.comparingInt(f -> InterchangeFiles.FILES.indexOf(f.spec())));
        return files;
    }

    private static void candidate(String name, Path path, Problems problems, Map<String, List<DataFile>> byBase) {
        String base = name.substring(0, name.lastIndexOf('.'));
        Optional<FileSpec> spec = InterchangeFiles.byName(base);
        if (spec.isEmpty()) {
            problems.add(name, 0, null, "imp.problem.unknownFile");
            return;
        }
        byBase.computeIfAbsent(base, b -> new ArrayList<>())
                .add(new DataFile(name, spec.get(), path, extension(name).equals("xlsx")));
    }

    private void unzip(Input zip, ImportLimits limits, Problems problems, Map<String, List<DataFile>> byBase)
            throws IOException {
        Path folder = Files.createTempDirectory("guanjia-import-");
        temporary.add(folder);
        long total = 0;
        try (ZipFile z = new ZipFile(zip.path().toFile())) {
            if (z.size() > limits.maxEntries()) {
                problems.add(zip.name(), 0, null, "imp.problem.zipEntries", z.size(), limits.maxEntries());
                return;
            }
            Enumeration<? extends ZipEntry> entries = z.entries();
            int index = 0;
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String entry = e.getName();
                if (!safeEntryName(entry)) {
                    problems.add(zip.name(), 0, null, "imp.problem.zipPath", entry);
                    continue;
                }
                String name = fileName(entry);
                if (e.isDirectory() || name.isEmpty() || name.startsWith(".") || entry.startsWith("__MACOSX/")) {
                    continue;
                }
                String ext = extension(name);
                if (!ext.equals("csv") && !ext.equals("xlsx")) {
                    continue;
                }
                if (e.getSize() > limits.maxEntryBytes()) {
                    problems.add(zip.name(), 0, null, "imp.problem.zipEntryTooLarge", entry, limits.maxEntryBytes());
                    continue;
                }
                Path target = folder.resolve((index++) + "-" + name.replaceAll("[^\\p{L}\\p{N}._-]", "_"));
                long written;
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    written = copy(in, out, Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total));
                }
                if (written < 0) {
                    Files.deleteIfExists(target);
                    if (limits.maxTotalBytes() - total < limits.maxEntryBytes()) {
                        problems.add(zip.name(), 0, null, "imp.problem.zipTooLarge", limits.maxTotalBytes());
                        return;
                    }
                    problems.add(zip.name(), 0, null, "imp.problem.zipEntryTooLarge", entry, limits.maxEntryBytes());
                    continue;
                }
                total += written;
                candidate(name, target, problems, byBase);
            }
        } catch (java.util.zip.ZipException ex) {
            problems.add(zip.name(), 0, null, "imp.problem.notZip", String.valueOf(ex.getMessage()));
        }
    }

    /** Copies at most {@code limit} bytes, counted as they are inflated; -1 when there are more. */
    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buffer)) >= 0) {
            n += r;
            if (n > limit) {
                return -1;
            }
            out.write(buffer, 0, r);
        }
        return n;
    }

    /** No absolute path, no drive letter, no {@code ..} step: the entry stays inside the ZIP's root. */
    static boolean safeEntryName(String entry) {
        String n = entry.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.indexOf('\0') >= 0) {
            return false;
        }
        for (String step : n.split("/")) {
            if (step.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String fileName(String path) {
        String n = path.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Deletes the files this source unpacked. */
    @Override
    public void close() {
        for (Path p : temporary) {
            try (Stream<Path> walk = Files.walk(p)) {
                walk.sorted(Comparator.reverseOrder()).forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        log.warn("Cannot delete {}: {}", f, e.getMessage());
                    }
                });
            } catch (IOException e) {
                log.warn("Cannot delete {}: {}", p, e.getMessage());
            }
        }
        temporary.clear();
    }
}
