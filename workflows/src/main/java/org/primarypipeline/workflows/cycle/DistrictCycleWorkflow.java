package org.primarypipeline.workflows.cycle;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.primarypipeline.vetting.VettingDecision;

/**
 * Carries one district through one cycle: pledge vetting, the nomination window, the voting round,
 * certification and the fundraiser launch. Staff steer it with updates, which answer with an error
 * when the action does not fit the stage.
 */
@WorkflowInterface
public interface DistrictCycleWorkflow {

    String TASK_QUEUE = "district-cycles";

    @WorkflowMethod
    CycleOutcome run(CyclePlan plan);

    @QueryMethod
    CycleView view();

    /** Approve, reject or ask for more information about a candidacy (pledge vetting, nomination window). */
    @UpdateMethod
    String review(VettingDecision decision);

    @UpdateValidatorMethod(updateName = "review")
    void validateReview(VettingDecision decision);

    /** Moves the current window's deadline later. */
    @UpdateMethod
    String extend(StaffAction action);

    @UpdateValidatorMethod(updateName = "extend")
    void validateExtend(StaffAction action);

    /** Closes the current window now. */
    @UpdateMethod
    String closeWindow(StaffAction action);

    @UpdateValidatorMethod(updateName = "closeWindow")
    void validateCloseWindow(StaffAction action);

    /** Re-derives the result from the raw rows (certification stage). */
    @UpdateMethod
    String recount(StaffAction action);

    @UpdateValidatorMethod(updateName = "recount")
    void validateRecount(StaffAction action);

    /** One staff member's approval of the winner; two different members certify (four eyes). */
    @UpdateMethod
    String certify(StaffAction action);

    @UpdateValidatorMethod(updateName = "certify")
    void validateCertify(StaffAction action);

    /** A candidate withdraws; if it is the winner before launch, the runner-up from the same ballots wins. */
    @UpdateMethod
    String withdraw(Withdrawal withdrawal);

    @UpdateValidatorMethod(updateName = "withdraw")
    void validateWithdraw(Withdrawal withdrawal);

    @UpdateMethod
    String cancel(StaffAction action);

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(StaffAction action);
}
