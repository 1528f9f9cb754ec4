package org.primarypipeline.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedNamesTest {

    @Test
    void caseAccentsSpacingAndPunctuationDoNotMakeAMismatch() {
        assertThat(SignedNames.match("ana  ortíz", "Ana Ortiz")).isTrue();
        assertThat(SignedNames.match("Mary-Jo O'Neil", "Mary Jo ONeil")).isFalse();
        assertThat(SignedNames.match("Mary-Jo O'Neil", "mary jo o neil")).isTrue();
    }

    @Test
    void aMissingOrChangedLetterIsAMismatch() {
        assertThat(SignedNames.match("Ana Ortz", "Ana Ortiz")).isFalse();
        assertThat(SignedNames.match("Ana Ortiz", null)).isTrue();
    }
}
