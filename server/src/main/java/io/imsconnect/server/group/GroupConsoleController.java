package io.imsconnect.server.group;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.FormErrors;
import io.imsconnect.server.errors.InvalidInputException;

@Controller
@RequestMapping("/admin/groups")
class GroupConsoleController {

    private final GroupService groups;

    GroupConsoleController(GroupService groups) {
        this.groups = groups;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("groups", groups.list());
        return "groups/list";
    }

    /** {@code internalName} fills the name in, as the mask preview's link to create a missing group does. */
    @GetMapping("/new")
    String newForm(@RequestParam(defaultValue = "") String internalName, Model model) {
        return form(model, new GroupRequest(internalName.strip(), "", List.of()), true);
    }

    @PostMapping("/new")
    String create(@RequestParam String internalName, @RequestParam String label,
            @RequestParam(required = false) List<String> rights, Model model, RedirectAttributes redirect) {
        GroupRequest request = new GroupRequest(internalName.trim(), label, rights);
        try {
            groups.create(request);
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            return form(model, request, true);
        }
        redirect.addFlashAttribute("message", "group.created");
        return "redirect:/admin/groups";
    }

    @GetMapping("/{internalName}")
    String edit(@PathVariable String internalName, Model model) {
        SecurityGroup group = groups.get(internalName);
        model.addAttribute("group", group);
        return form(model, new GroupRequest(group.internalName(), group.label(), List.copyOf(group.rights())), false);
    }

    @PostMapping("/{internalName}")
    String update(@PathVariable String internalName, @RequestParam String label,
            @RequestParam(required = false) List<String> rights, Model model, RedirectAttributes redirect) {
        GroupRequest request = new GroupRequest(internalName, label, rights);
        try {
            groups.update(internalName, request);
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            model.addAttribute("group", groups.get(internalName));
            return form(model, request, false);
        }
        redirect.addFlashAttribute("message", "group.updated");
        return "redirect:/admin/groups";
    }

    @PostMapping("/{internalName}/delete")
    String delete(@PathVariable String internalName, Model model, RedirectAttributes redirect) {
        try {
            groups.delete(internalName);
        } catch (ConflictException refused) {
            FormErrors.show(model, refused);
            SecurityGroup group = groups.get(internalName);
            model.addAttribute("group", group);
            return form(model, new GroupRequest(group.internalName(), group.label(), List.copyOf(group.rights())),
                    false);
        }
        redirect.addFlashAttribute("message", "group.deleted");
        return "redirect:/admin/groups";
    }

    private static String form(Model model, GroupRequest request, boolean creating) {
        model.addAttribute("form", request);
        model.addAttribute("creating", creating);
        model.addAttribute("allRights", Rights.known());
        return "groups/form";
    }
}
