package dev.charms.reactive.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * The names a generated file uses for types. A top-level type gets its simple name (imported unless it is in
 * {@code java.lang} or in the file's package) the first time it is referenced, and a nested type is written
 * through it ({@code Relations.Unit}); a later, different type with the same simple name is written fully
 * qualified. So the file compiles whatever the names clash with.
 */
final class ImportScope {
    private final String packageName;
    private final Elements elements;
    /** Simple name of a top-level type to its qualified name. */
    private final Map<String, String> claims = new HashMap<>();
    private final TreeSet<String> imports = new TreeSet<>();

    ImportScope(String packageName, Elements elements) {
        this.packageName = packageName;
        this.elements = elements;
    }

    /**
     * How the file names type {@code nestedName} (such as {@code Outer.Inner}) of package {@code typePackage}:
     * a nested type through its top-level type, which is imported unless it is in {@code java.lang} or in the
     * file's package.
     */
    String name(String typePackage, String nestedName) {
        int dot = nestedName.indexOf('.');
        String top = dot < 0 ? nestedName : nestedName.substring(0, dot);
        String qualifiedTop = typePackage.isEmpty() ? top : typePackage + "." + top;
        if (!claim(top, qualifiedTop)) {
            return typePackage.isEmpty() ? nestedName : typePackage + "." + nestedName;
        }
        if (!typePackage.equals(packageName) && !typePackage.equals("java.lang")) {
            imports.add(qualifiedTop);
        }
        return nestedName;
    }

    /** How the file names {@code type}. */
    String name(TypeElement type) {
        String typePackage = elements.getPackageOf(type).getQualifiedName().toString();
        StringBuilder nested = new StringBuilder(type.getSimpleName());
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement;
                outer = outer.getEnclosingElement()) {
            nested.insert(0, outer.getSimpleName() + ".");
        }
        return name(typePackage, nested.toString());
    }

    /** How the file writes {@code type}, with its type arguments. */
    String name(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) type;
            String raw = name((TypeElement) declared.asElement());
            List<? extends TypeMirror> arguments = declared.getTypeArguments();
            return arguments.isEmpty()
                    ? raw
                    : raw + arguments.stream().map(this::name).collect(Collectors.joining(", ", "<", ">"));
        }
        if (type.getKind() == TypeKind.WILDCARD) {
            WildcardType wildcard = (WildcardType) type;
            if (wildcard.getExtendsBound() != null) {
                return "? extends " + name(wildcard.getExtendsBound());
            }
            return wildcard.getSuperBound() != null ? "? super " + name(wildcard.getSuperBound()) : "?";
        }
        return type.toString();
    }

    /** The import declarations needed so far, sorted, one per line. */
    String importBlock() {
        return imports.stream().map(name -> "import " + name + ";\n").collect(Collectors.joining());
    }

    private boolean claim(String simpleName, String qualifiedName) {
        return claims.computeIfAbsent(simpleName, name -> qualifiedName).equals(qualifiedName);
    }
}
