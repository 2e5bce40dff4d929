package org.hmaplab.harness.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hmaplab.hash.Hashers;
import org.hmaplab.hash.aes.AesHasher;
import org.hmaplab.hash.cpu.CpuFeatures;
import org.hmaplab.hash.cpu.Support;
import org.hmaplab.hash.select.HasherSelection;
import org.hmaplab.hash.select.Selection;
import org.hmaplab.hash.select.SelectionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hbench cpu}: the detected CPU features (yes/no/unknown and where each answer came from),
 * the JVM's view, the Vector API width, the AES hasher's backend and why, what every selection
 * policy picks and why, the default selection of this process, and what an override by name gives.
 */
@Command(name = "cpu", mixinStandardHelpOptions = true, versionProvider = Hbench.Version.class,
    description = "Show the detected CPU features and the hasher each selection policy picks, with the reason.")
final class CpuCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hasher", paramLabel = "NAME",
        description = "Also show the selection overridden by this hasher name (as --hasher elsewhere).")
    String override;

    @Override
    public Integer call() {
        if (override != null) {
            HasherNames.resolve(spec, "--hasher", override);
        }
        PrintWriter out = spec.commandLine().getOut();
        CpuFeatures f = CpuFeatures.detect();
        out.println("CPU model:   " + f.cpuModel());
        out.println("OS / arch:   " + f.osName() + " / " + f.osArch());
        out.println("cpuinfo:     " + f.cpuinfoSource());
        out.println("features (unknown counts as absent):");
        Table t = new Table("  FLAG", "PRESENT", "SOURCE");
        for (Map.Entry<String, Support> e : f.relevantFlags().entrySet()) {
            t.row("  " + e.getKey(), e.getValue().word(), f.flagSource(e.getKey()));
        }
        t.print(out);
        StringBuilder jvm = new StringBuilder();
        for (Map.Entry<String, String> e : f.jvmOptions().entrySet()) {
            jvm.append(jvm.isEmpty() ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        out.println("JVM view:    " + jvm);
        out.println("Vector API:  " + (f.vectorBitSize().isPresent()
            ? "preferred species " + f.vectorBitSize().getAsInt() + " bits" : "unavailable (unknown width)"));
        out.println("AES hasher:  backend " + AesHasher.defaultBackend().label() + " ("
            + AesHasher.defaultBackendReason() + ")");
        out.println("selection policies:");
        Table p = new Table("  POLICY", "HASHER", "REASON");
        for (String policy : SelectionPolicy.names()) {
            Selection s = HasherSelection.select(f, policy);
            p.row("  " + policy, s.hasherName(), s.reason());
        }
        p.print(out);
        String prop = System.getProperty(HasherSelection.HASHER_PROPERTY);
        String policyProp = System.getProperty(HasherSelection.POLICY_PROPERTY);
        Selection def = Hashers.defaultSelection();
        out.println("default:     " + def.hasherName() + "  (" + HasherSelection.POLICY_PROPERTY + "="
            + (policyProp == null ? HasherSelection.DEFAULT_POLICY + " by default" : policyProp) + ", "
            + HasherSelection.HASHER_PROPERTY + (prop == null ? " not set" : "=" + prop) + "): " + def.reason());
        if (override != null) {
            Selection o = HasherSelection.select(f, policyProp == null ? HasherSelection.DEFAULT_POLICY : policyProp,
                override, Hashers.names());
            out.println("--hasher:    " + o.hasherName() + "  " + o.reason());
        }
        out.flush();
        return 0;
    }
}
