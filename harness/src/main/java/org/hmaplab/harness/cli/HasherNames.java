package org.hmaplab.harness.cli;

import java.util.List;
import org.hmaplab.hash.Hasher;
import org.hmaplab.hash.Hashers;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Resolving hasher names given on the command line, with one error message for all commands. */
final class HasherNames {
    private HasherNames() {
    }

    /** The hasher called {@code name}, or a usage error naming it and listing the registered names. */
    static Hasher resolve(CommandSpec spec, String option, String name) {
        List<String> valid = Hashers.names();
        if (!valid.contains(name)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "unknown hasher '" + name + "' for "
                + option + "; valid: " + (valid.isEmpty() ? "(none registered)" : String.join(", ", valid)));
        }
        return Hashers.byName(name);
    }
}
