package org.hmaplab.harness.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK discovery that ./hbench and ./run-tests share (build/find-jdk.sh), run by bash against
 * fake JDK folders: a {@code release} file and executable {@code bin/java} and {@code bin/javac}.
 */
class FindJdkScriptTest {
    private static final Path SCRIPT = Path.of("..", "build", "find-jdk.sh").toAbsolutePath().normalize();

    @TempDir
    Path dirs;

    @BeforeAll
    static void needsBash() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no /bin/bash");
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), "no " + SCRIPT);
    }

    private Path fakeJdk(String parent, String name, String version) throws IOException {
        Path home = dirs.resolve(parent).resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        for (String tool : new String[] {"java", "javac"}) {
            Path p = Files.writeString(home.resolve("bin").resolve(tool), "#!/bin/sh\n");
            p.toFile().setExecutable(true);
        }
        return home;
    }

    /** Runs hmap_find_jdk; returns {exit status, JAVA_HOME it chose, stderr}. */
    private String[] find(String javaHome, String searchDirs) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c",
            ". \"$0\"; hmap_find_jdk; rc=$?; echo \"$rc|${JAVA_HOME:-}\"", SCRIPT.toString());
        Map<String, String> env = pb.environment();
        env.remove("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.put("HMAP_JDK_DIRS", searchDirs);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        String[] parts = out.split("\\|", 2);
        return new String[] {parts[0], parts.length > 1 ? parts[1] : "", err};
    }

    @Test
    void picksTheNewestJdkOfAtLeast25FromTheSearchedFolders() throws Exception {
        fakeJdk("a", "jdk-17", "17.0.15");
        fakeJdk("a", "jdk-25", "25.0.3");
        Path newest = fakeJdk("b", "jdk-26", "26.0.1");
        String[] r = find(null, dirs.resolve("a") + ":" + dirs.resolve("b"));
        assertEquals("0", r[0], r[2]);
        assertEquals(newest.toString(), r[1]);
    }

    @Test
    void aJavaHomeThatIsJdk25IsKeptAndAnOlderOneIsPassedOver() throws Exception {
        Path jdk25 = fakeJdk("a", "jdk-25", "25");
        Path jdk17 = fakeJdk("old", "jdk-17", "17.0.15");
        fakeJdk("b", "jdk-26", "26.0.1");
        assertEquals(jdk25.toString(), find(jdk25.toString(), dirs.resolve("b").toString())[1]);
        String[] r = find(jdk17.toString(), dirs.resolve("a").toString());
        assertEquals("0", r[0], r[2]);
        assertEquals(jdk25.toString(), r[1]);
    }

    @Test
    void withoutAJdk25ItStopsWithOneMessageSayingWhatToInstall() throws Exception {
        Path jdk17 = fakeJdk("a", "jdk-17", "17.0.15");
        fakeJdk("a", "not-a-jdk", "25").resolve("bin/javac").toFile().delete();
        String[] r = find(jdk17.toString(), dirs.resolve("a").toString());
        assertEquals("1", r[0]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].contains("needs a JDK 25 or newer") && r[2].contains("Install"), r[2]);
        assertTrue(r[2].contains(dirs.resolve("a").toString()), "names where it looked: " + r[2]);
    }
}
