package org.hmaplab.harness.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.hmaplab.hash.Hasher;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hbench hash}: the 64-bit hash of one input as 16 lower-case hex digits. TEXT is hashed as
 * its UTF-8 bytes ({@code hashBytes}), {@code --hex} as the given bytes, {@code --long} through
 * {@code hashLong} (which by the Hasher contract equals hashing its 8 little-endian bytes).
 */
@Command(name = "hash", mixinStandardHelpOptions = true,
    description = "Print the 64-bit hash of one input (16 lower-case hex digits).")
final class HashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hasher", required = true, paramLabel = "NAME",
        description = "Hasher name (see 'hbench hashers').")
    String hasherName;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", converter = NumberParsing.Long64.class,
        description = "Seed: signed decimal or 0x + up to 16 hex digits (default: ${DEFAULT-VALUE}).")
    long seed;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** Exactly one of the three input forms. */
    static final class Input {
        @Parameters(paramLabel = "TEXT", arity = "1", description = "Text, hashed as its UTF-8 bytes.")
        String text;

        @Option(names = "--hex", paramLabel = "HEX", converter = NumberParsing.HexBytes.class,
            description = "Bytes as hex digit pairs, e.g. 666f6f626172.")
        NumberParsing.Bytes hex;

        @Option(names = "--long", paramLabel = "N", converter = NumberParsing.Long64.class,
            description = "A 64-bit key through hashLong: signed decimal or 0x + up to 16 hex digits.")
        Long longKey;
    }

    @Override
    public Integer call() {
        Hasher h = HasherNames.resolve(spec, "--hasher", hasherName);
        long hash;
        if (input.longKey != null) {
            hash = h.hashLong(input.longKey, seed);
        } else {
            byte[] bytes = input.hex != null ? input.hex.bytes() : input.text.getBytes(StandardCharsets.UTF_8);
            hash = h.hashBytes(bytes, 0, bytes.length, seed);
        }
        spec.commandLine().getOut().printf("%016x%n", hash);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
