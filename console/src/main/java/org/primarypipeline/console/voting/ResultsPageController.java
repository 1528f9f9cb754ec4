package org.primarypipeline.console.voting;

import org.primarypipeline.console.web.PublicPageView;
import org.primarypipeline.platform.PublicDoor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The public result of a cycle's round, for anyone to open and share: the winner, the count round by
 * round, where the units went, the sealed chain with a receipt check and the audit bundle. No script;
 * an unknown cycle is the public 404 page (UnknownCycleException through ErrorAnswers).
 */
@PublicDoor
@Controller
public class ResultsPageController {

    private final ResultsPages pages;

    public ResultsPageController(ResultsPages pages) {
        this.pages = pages;
    }

    @GetMapping("/results/{cycleId}")
    public ModelAndView results(@PathVariable String cycleId) {
        return PublicPageView.open(HttpStatus.OK, "voting/results", pages.page(cycleId));
    }
}
