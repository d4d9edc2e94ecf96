package cn.fupin.ledger.ops.app;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every staff screen shows in its bar: the user logged in. */
@ControllerAdvice(basePackageClasses = StaffScreensModel.class)
class StaffScreensModel {

    @ModelAttribute("user")
    String user(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
