package org.hmaplab.harness.cli;

import java.util.concurrent.Callable;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hbench hashers}: every registered hasher with its family, hardware backing, seeding and
 * origin (built in, or the jar of an extension on the class path).
 */
@Command(name = "hashers", mixinStandardHelpOptions = true, versionProvider = Hbench.Version.class,
    description = "List every registered hasher: name, family, hardware-backed, seeded, and where it comes from "
        + "(built in, or the jar of an extension given with ./hbench --classpath).")
final class HashersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Table t = new Table("NAME", "FAMILY", "HARDWARE", "SEEDED", "FROM");
        for (String name : Hashers.names()) {
            Hasher h = Hashers.byName(name);
            t.row(h.name(), h.family(), h.hardwareBacked() ? "yes" : "no", h.seeded() ? "yes" : "no",
                Hashers.isExtension(name) ? "extension " + h.getClass().getName() : "built in");
        }
        t.print(spec.commandLine().getOut());
        return 0;
    }
}
