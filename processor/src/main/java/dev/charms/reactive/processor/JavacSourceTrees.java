package dev.charms.reactive.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** {@link SourceTrees} through javac's {@link Trees} API. Loaded only when javac is the compiler. */
final class JavacSourceTrees implements SourceTrees {
    private final Trees trees;

    /** @throws IllegalArgumentException when {@code env} is not javac's */
    JavacSourceTrees(ProcessingEnvironment env) {
        this.trees = Trees.instance(env);
    }

    @Override
    public List<SourceAnnotation> annotations(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree methodTree)) {
            return List.of();
        }
        TreePath modifiers = new TreePath(path, methodTree.getModifiers());
        List<SourceAnnotation> result = new ArrayList<>();
        for (AnnotationTree annotation : methodTree.getModifiers().getAnnotations()) {
            Element type = trees.getElement(new TreePath(modifiers, annotation));
            if (type instanceof TypeElement typeElement) {
                result.add(new JavacAnnotation(
                        typeElement.getQualifiedName().toString(), annotation, path.getCompilationUnit()));
            }
        }
        return result;
    }

    private final class JavacAnnotation implements SourceAnnotation {
        private final String qualifiedName;
        private final AnnotationTree tree;
        private final CompilationUnitTree unit;

        JavacAnnotation(String qualifiedName, AnnotationTree tree, CompilationUnitTree unit) {
            this.qualifiedName = qualifiedName;
            this.tree = tree;
            this.unit = unit;
        }

        @Override
        public String qualifiedName() {
            return qualifiedName;
        }

        @Override
        public Place at() {
            return placeOf(tree);
        }

        @Override
        public Place atValue(String attribute, int index) {
            for (ExpressionTree argument : tree.getArguments()) {
                ExpressionTree value = valueOf(argument, attribute);
                if (value != null) {
                    return placeOf(element(value, index));
                }
            }
            return at();
        }

        /** The value of {@code argument} if it sets {@code attribute} ({@code @A(x)} sets "value"), else null. */
        private static ExpressionTree valueOf(ExpressionTree argument, String attribute) {
            if (argument instanceof AssignmentTree assignment) {
                boolean named = assignment.getVariable() instanceof IdentifierTree name
                        && name.getName().contentEquals(attribute);
                return named ? assignment.getExpression() : null;
            }
            return attribute.equals("value") ? argument : null;
        }

        /** Element {@code index} of an array value; a single value without braces is element 0. */
        private static Tree element(ExpressionTree value, int index) {
            if (index < 0) {
                return value;
            }
            if (value instanceof NewArrayTree array && array.getInitializers() != null) {
                return index < array.getInitializers().size() ? array.getInitializers().get(index) : value;
            }
            return value;
        }

        private Place placeOf(Tree target) {
            return (kind, message) -> trees.printMessage(kind, message, target, unit);
        }
    }
}
