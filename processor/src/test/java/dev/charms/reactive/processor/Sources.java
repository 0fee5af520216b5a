package dev.charms.reactive.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Test sources, compiled with the processor, and what the compiler said about them. */
final class Sources {

    /** An injectable interface of the test sources, standing in for the framework's. */
    static final JavaFileObject FLAGS = source("test.Flags", """
            package test;

            @dev.charms.reactive.Injectable
            public interface Flags {
            }
            """);

    /** A stand-in for core's endpoint base class, which the processor recognises by name. */
    static final JavaFileObject ENDPOINT = source("dev.charms.reactive.endpoints.Endpoint", """
            package dev.charms.reactive.endpoints;

            public abstract class Endpoint {
            }
            """);

    private Sources() {
    }

    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    /** Compiles {@code sources} with the reactive processor, and the test classpath (core included). */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new ReactiveProcessor()).compile(sources);
    }

    /** A compiler error as a person sees it: line and column (from 1) and the message. */
    record Error(long line, long column, String message) {

        /** The error {@code message} at the first occurrence of {@code marker} in {@code source}. */
        static Error at(JavaFileObject source, String marker, String message) {
            String text = text(source);
            int offset = text.indexOf(marker);
            if (offset < 0) {
                throw new IllegalArgumentException("no " + marker + " in " + source.getName());
            }
            int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
            long line = text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
            return new Error(line, offset - lineStart + 1, message);
        }
    }

    /** Every error of {@code compilation}, in the order the compiler reported them. */
    static List<Error> errors(Compilation compilation) {
        return compilation.errors().stream()
                .map(d -> new Error(d.getLineNumber(), d.getColumnNumber(), d.getMessage(null)))
                .toList();
    }

    /** The warnings of {@code compilation}. */
    static List<String> warnings(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> d.getMessage(null))
                .toList();
    }

    /** The text of the generated source file of type {@code qualifiedName}. */
    static String generatedSource(Compilation compilation, String qualifiedName) {
        return text(compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName)));
    }

    /** The text of generated resource {@code path}. */
    static String generatedResource(Compilation compilation, String path) {
        return text(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
                .orElseThrow(() -> new AssertionError("not generated: " + path)));
    }

    static String text(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
