package io.imsconnect.server.packages;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PackageConsoleController {

    private final PackageService packages;

    PackageConsoleController(PackageService packages) {
        this.packages = packages;
    }

    @GetMapping("/admin/packages")
    String list(Model model) {
        model.addAttribute("packages", packages.list());
        return "packages/list";
    }

    @PostMapping("/admin/packages/{name}/install")
    String install(@PathVariable String name, RedirectAttributes redirect) {
        packages.install(name);
        redirect.addFlashAttribute("message", "package.installed.flash");
        return "redirect:/admin/packages";
    }
}
