package dev.charms.reactive.layers.cli;

import dev.charms.reactive.internal.Suggestions;
import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The one place that turns an exception into a message on stderr and an exit code:
 * <ul>
 *   <li>a command-line error: {@code error: <message>}, any "did you mean" suggestions, and where to find help;
 *       {@link ExitCodes#USAGE};
 *   <li>a problem the user can fix ({@link LayerToolException}, a failed read or write):
 *       {@code error: <message>}; {@link ExitCodes#BUILD_FAILED};
 *   <li>anything else is a bug: its stack trace; {@link ExitCodes#INTERNAL_ERROR}.
 * </ul>
 */
final class ExceptionMapper implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(CommandLine.ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + exception.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (exception instanceof LayerToolException || exception instanceof IOException
                || exception instanceof UncheckedIOException) {
            err.println("error: " + message(exception));
            err.flush();
            return ExitCodes.BUILD_FAILED;
        }
        err.println("internal error (please report it): " + exception);
        exception.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String message(Throwable exception) {
        if (exception instanceof UncheckedIOException unchecked) {
            String cause = message(unchecked.getCause());
            String context = unchecked.getMessage();
            return context.equals(unchecked.getCause().toString()) ? cause : context + ": " + cause;
        }
        if (exception instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or directory";
        }
        if (exception instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (exception instanceof FileSystemException e) {
            return e.getFile() + ": " + e.getReason();
        }
        return exception.getMessage();
    }
}
