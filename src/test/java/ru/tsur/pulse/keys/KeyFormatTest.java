package ru.tsur.pulse.keys;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key text and its stored form: pulse_&lt;id&gt;_&lt;secret&gt; in lowercase base32, split back exactly,
 * anything else refused; the stored hash is the SHA-256 of the secret and matches only that secret.
 */
class KeyFormatTest {

    @Test
    void aGeneratedKeySplitsBackIntoItsIdAndASecretThatMatchesTheStoredHash() {
        KeyFormat.NewKey fresh = KeyFormat.generate(new SecureRandom());

        assertThat(fresh.key()).matches("pulse_k_[a-z2-7]{12}_[a-z2-7]{52}");
        assertThat(fresh.id()).isEqualTo(fresh.key().substring(6, 20));
        KeyFormat.PresentedKey presented = KeyFormat.parse(fresh.key()).orElseThrow();
        assertThat(presented).isEqualTo(new KeyFormat.PresentedKey(fresh.id(), fresh.key().substring(21)));
        assertThat(fresh.secretHash()).isEqualTo(KeyFormat.secretHash(presented.secret()));
        assertThat(KeyFormat.matches(presented.secret(), fresh.secretHash())).isTrue();
        assertThat(KeyFormat.matches(presented.secret().replace(presented.secret().charAt(0),
                presented.secret().charAt(0) == 'a' ? 'b' : 'a'), fresh.secretHash())).isFalse();
    }

    @Test
    void theSecretHashIsTheHexSha256OfTheSecretAndNothingElseMatches() {
        assertThat(KeyFormat.secretHash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyFormat.matches("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isTrue();
        assertThat(KeyFormat.matches("abd", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")).isFalse();
        assertThat(KeyFormat.matches("abc", "not hex")).isFalse();
        assertThat(KeyFormat.matches("abc", "ba7816bf")).isFalse();
    }

    @Test
    void base32IsRfc4648LowercaseWithoutPadding() {
        String[] expected = {"", "my", "mzxq", "mzxw6", "mzxw6yq", "mzxw6ytb", "mzxw6ytboi"};
        for (int length = 0; length <= 6; length++) {
            assertThat(KeyFormat.base32("foobar".substring(0, length).getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo(expected[length]);
        }
    }

    @Test
    void anythingNotShapedLikeAKeyIsRefusedBeforeAnyLookup() {
        String good = "pulse_k_abcdefghij23_" + "a".repeat(52);
        assertThat(KeyFormat.parse(good)).isPresent();
        assertThat(KeyFormat.parse(" " + good + "\n")).isPresent();
        for (String bad : new String[]{null, "", "pulse_", good.toUpperCase(), good + "a", good.substring(0, good.length() - 1),
                "pulse_k_abcdefghij23-" + "a".repeat(52), "pulse_k_abcdefghij01_" + "a".repeat(52),
                "pulse_k_abcdefghij23_" + "a".repeat(51) + "_", "key_k_abcdefghij23_" + "a".repeat(52)}) {
            assertThat(KeyFormat.parse(bad)).as(String.valueOf(bad)).isEqualTo(Optional.empty());
        }
        assertThat(KeyFormat.isId("k_abcdefghij23")).isTrue();
        assertThat(KeyFormat.isId("k_abcdefghij2")).isFalse();
        assertThat(KeyFormat.isId("../k_abcdefghij23")).isFalse();
    }

    @Test
    void aThousandGeneratedKeysHaveDistinctIdsAndSecrets() {
        SecureRandom random = new SecureRandom();
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int key = 0; key < 1000; key++) {
            KeyFormat.NewKey fresh = KeyFormat.generate(random);
            ids.add(fresh.id());
            hashes.add(fresh.secretHash());
        }
        assertThat(ids).hasSize(1000);
        assertThat(hashes).hasSize(1000);
    }
}
