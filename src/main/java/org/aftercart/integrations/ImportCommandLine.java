package org.aftercart.integrations;

import java.io.PrintWriter;
import java.util.Arrays;
import org.aftercart.integrations.cli.ImportCommand;
import picocli.CommandLine;

/**
 * The {@code import} command line: {@code aftercart [--spring.option=value ...] import online-retail
 * <file>}. Arguments are checked before anything starts; the application then runs without a web
 * server, imports, prints its report and stops. Exit codes: 0 imported, 1 the import failed, 2 bad
 * arguments.
 */
public final class ImportCommandLine {

    public static final String COMMAND = "import";

    private ImportCommandLine() {}

    /** Whether these program arguments ask for an import (Spring options may come first). */
    public static boolean handles(String[] args) {
        return commandIndex(args) >= 0;
    }

    /** Runs the import command; returns the exit code. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    static int run(Class<?> application, String[] args, PrintWriter out, PrintWriter err) {
        int index = commandIndex(args);
        String[] applicationArgs = Arrays.copyOfRange(args, 0, Math.max(index, 0));
        String[] commandArgs = Arrays.copyOfRange(args, index + 1, args.length);
        CommandLine commandLine = new CommandLine(new ImportCommand(application, applicationArgs))
                .setOut(out)
                .setErr(err);
        return commandLine.execute(commandArgs);
    }

    private static int commandIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                return COMMAND.equals(args[i]) ? i : -1;
            }
        }
        return -1;
    }
}
