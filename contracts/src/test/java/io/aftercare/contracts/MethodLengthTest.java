package io.aftercare.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * No method of any module's main code runs over {@value #MOST_LINES} lines, from its name to its closing brace
 * (lambdas and text blocks inside it count): a longer one does several things and reads better split. The sources are
 * parsed with the JDK's own compiler, so no line of a comment or a string is mistaken for code.
 */
class MethodLengthTest {

    static final int MOST_LINES = 45;
    private static final String MAIN = "/src/main/java/";

    @Test
    void noMethodOfMainCodeIsLongerThanTheLimit() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            for (Path main : modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(path -> path.toString().endsWith(".java")).forEach(sources::add);
                }
            }
        }
        assertThat(sources).as("main sources of the modules beside contracts").hasSizeGreaterThan(100);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
            assertThat(tooLong(compiler, files.getJavaFileObjectsFromPaths(sources)))
                    .as("methods over %d lines; split them into well-named steps", MOST_LINES)
                    .isEmpty();
        }
    }

    @Test
    void aLongMethodIsFound() throws IOException {
        String body = "        int i = 0;\n".repeat(MOST_LINES);
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Long.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return "class Long {\n    void brief() {\n    }\n\n    void tooLong() {\n" + body + "    }\n}\n";
            }
        };

        assertThat(tooLong(ToolProvider.getSystemJavaCompiler(), List.of(source)))
                .containsExactly("Long.java:5 tooLong (47 lines)");
    }

    private static List<String> tooLong(JavaCompiler compiler, Iterable<? extends JavaFileObject> sources)
            throws IOException {
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostic -> {
        }, List.of("-proc:none"), null, sources);
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<String> found = new ArrayList<>();
        for (CompilationUnitTree unit : task.parse()) {
            LineMap lines = unit.getLineMap();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethod(MethodTree method, Void unused) {
                    if (method.getBody() != null) {
                        long start = lines.getLineNumber(nameAt(unit, method, positions));
                        long length = lines.getLineNumber(positions.getEndPosition(unit, method)) - start + 1;
                        if (length > MOST_LINES) {
                            String path = unit.getSourceFile().toUri().getPath();
                            found.add(path.substring(path.indexOf(MAIN) < 0 ? 1 : path.indexOf(MAIN) + MAIN.length())
                                    + ":" + start + " " + method.getName() + " (" + length + " lines)");
                        }
                    }
                    return super.visitMethod(method, unused);
                }
            }.scan(unit, null);
        }
        return found;
    }

    /** Where the method's name, or its return type, is: its annotations and Javadoc are not counted. */
    private static long nameAt(CompilationUnitTree unit, MethodTree method, SourcePositions positions) {
        if (method.getReturnType() != null) {
            return positions.getStartPosition(unit, method.getReturnType());
        }
        long modifiersEnd = positions.getEndPosition(unit, method.getModifiers());
        return modifiersEnd >= 0 ? modifiersEnd : positions.getStartPosition(unit, method);
    }
}
