package vn.thidua.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.thidua.contract.chain.HashChain;
import vn.thidua.contract.chain.Sha256Text;

class Sha256TextTest {
    private static final String[] PIECES = {"a", "{\"fullName\":", "Nguyễn Thị Ngọc Ánh", "Hà Giang ", "😀", "𠀧", "\uD83D", "\uDE00", "\n", "ư̛"};

    /** Texts of up to 200 k chars in pieces of every kind, emoji (a surrogate pair) and unpaired surrogates on chunk edges too. */
    @Test
    void the_hash_of_a_text_written_piece_by_piece_is_the_hash_of_the_whole_text() {
        Random random = new Random(20261127);
        for (int run = 0; run < 60; run++) {
            Sha256Text sha = new Sha256Text();
            StringBuilder whole = new StringBuilder();
            int length = run < 10 ? run : random.nextInt(200_000);
            while (whole.length() < length) {
                String piece = PIECES[random.nextInt(PIECES.length)];
                whole.append(piece);
                sha.buffer().append(piece);
                if (random.nextInt(4) == 0) {
                    sha.drainIfFull();
                }
            }
            assertThat(sha.hex()).as("text of %d chars", whole.length()).isEqualTo(HashChain.sha256Hex(whole.toString()));
        }
    }

    @Test
    void a_pair_split_by_the_chunk_edge_is_hashed_as_a_pair() {
        Sha256Text sha = new Sha256Text();
        String text = "x".repeat(16 * 1024 - 1) + "😀" + "ư";
        sha.buffer().append(text, 0, 16 * 1024); // ends on the high surrogate
        sha.drainIfFull();
        sha.buffer().append(text, 16 * 1024, text.length());
        assertThat(sha.hex()).isEqualTo(HashChain.sha256Hex(text))
                .isNotEqualTo(HashChain.sha256Hex(text.replace("😀", "?")));
    }

    /** More than the byte buffer holds at once (3 bytes per character), never drained before the end: the encoder's overflow loops. */
    @Test
    void a_text_larger_than_the_byte_buffer_written_without_a_drain_is_hashed_whole() {
        Sha256Text sha = new Sha256Text();
        String text = "ệ".repeat(40_000) + "😀" + "\uD83D";
        sha.buffer().append(text);
        assertThat(sha.hex()).isEqualTo(HashChain.sha256Hex(text));
    }

    @Test
    void a_hash_is_given_once() {
        Sha256Text sha = new Sha256Text();
        sha.buffer().append("Thái Nguyên");
        assertThat(sha.hex()).isEqualTo(HashChain.sha256Hex("Thái Nguyên"));
        assertThatThrownBy(sha::hex).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sha::buffer).isInstanceOf(IllegalStateException.class);
    }
}
