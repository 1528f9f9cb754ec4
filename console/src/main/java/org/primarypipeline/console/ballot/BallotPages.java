package org.primarypipeline.console.ballot;

import org.primarypipeline.console.publicpage.PublicPages;
import org.springframework.stereotype.Component;

/** The member's ballot pages (templates under {@code ballot/pages/}); see {@link PublicPages}. */
@Component
class BallotPages extends PublicPages {

    BallotPages() {
        super("ballot/pages", "Your ballot");
    }
}
