package org.aftercart.integrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code import}: the parent of one subcommand per kind of file that can be imported. */
@Command(
        name = "import",
        description = "Imports data from another system into Aftercart, without starting the web server.",
        mixinStandardHelpOptions = true,
        subcommands = OnlineRetailCommand.class)
public class ImportCommand implements Runnable {

    final Class<?> application;
    final String[] applicationArgs;

    @Spec
    CommandSpec spec;

    public ImportCommand(Class<?> application, String[] applicationArgs) {
        this.application = application;
        this.applicationArgs = applicationArgs;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Say what to import, e.g. 'import online-retail <file>'");
    }
}
