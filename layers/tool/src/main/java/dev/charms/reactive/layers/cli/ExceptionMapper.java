package dev.charms.reactive.layers.cli;

import dev.charms.reactive.layers.LayerToolException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The one place that turns an exception from a command into a message on stderr and an exit code. Problems the
 * user can fix ({@link LayerToolException}, I/O failures) print {@code error: <message>} and exit
 * {@link ExitCodes#BUILD_FAILED}; anything else is a bug and prints its stack trace with
 * {@link ExitCodes#INTERNAL_ERROR}.
 */
final class ExceptionMapper implements CommandLine.IExecutionExceptionHandler, CommandLine.IExitCodeExceptionMapper {

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine,
            CommandLine.ParseResult parseResult) {
        int code = getExitCode(exception);
        PrintWriter err = commandLine.getErr();
        if (code == ExitCodes.INTERNAL_ERROR) {
            err.println("internal error (please report it): " + exception);
            exception.printStackTrace(err);
        } else {
            err.println("error: " + message(exception));
        }
        err.flush();
        return code;
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof LayerToolException || exception instanceof IOException
                || exception instanceof UncheckedIOException) {
            return ExitCodes.BUILD_FAILED;
        }
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
