package org.aftercart.integrations.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A file being read, with a progress bar on the console over its bytes. */
final class ReadProgress extends FilterInputStream {

    private final ProgressBar bar;
    private boolean done;

    private ReadProgress(InputStream file, ProgressBar bar) {
        super(file);
        this.bar = bar;
    }

    static ReadProgress open(Path file) throws IOException {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Reading " + file.getFileName())
                .setInitialMax(Files.size(file))
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .build();
        return new ReadProgress(Files.newInputStream(file), bar);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bar.step();
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            bar.stepBy(read);
        }
        return read;
    }

    /** Completes the bar, so that what is printed next starts on a line of its own. */
    void done() {
        if (!done) {
            done = true;
            bar.stepTo(bar.getMax());
            bar.close();
        }
    }

    @Override
    public void close() throws IOException {
        done();
        super.close();
    }
}
