package io.imsconnect.server.operator;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.imsconnect.server.errors.ConflictException;
import io.imsconnect.server.errors.ConsoleFilters;
import io.imsconnect.server.errors.FormErrors;
import io.imsconnect.server.errors.InvalidInputException;
import io.imsconnect.server.group.GroupService;
import io.imsconnect.server.group.Membership;
import io.imsconnect.server.group.MembershipSource;
import io.imsconnect.server.storage.Page;

@Controller
@RequestMapping("/admin/operators")
class OperatorConsoleController {

    private final OperatorService operators;
    private final GroupService groups;

    OperatorConsoleController(OperatorService operators, GroupService groups) {
        this.operators = operators;
        this.groups = groups;
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer offset, Model model) {
        Page<OperatorView> page = operators.page(ConsoleFilters.offset(offset), ConsoleFilters.PAGE_SIZE);
        model.addAttribute("page", page);
        model.addAttribute("operators", page.rows());
        return "operators/list";
    }

    @GetMapping("/{name}")
    String detail(@PathVariable String name, Model model) {
        OperatorView operator = operators.get(name);
        Set<String> manual = operator.groups().stream()
                .filter(m -> m.source() == MembershipSource.MANUAL)
                .map(Membership::group).collect(Collectors.toSet());
        model.addAttribute("operator", operator);
        model.addAttribute("allGroups", groups.names().stream().filter(g -> !manual.contains(g)).toList());
        return "operators/detail";
    }

    @PostMapping("/{name}/groups")
    String addGroup(@PathVariable String name, @RequestParam String group, Model model, RedirectAttributes redirect) {
        return change(name, model, redirect, "operator.groupAdded", () -> operators.addManualGroup(name, group));
    }

    @PostMapping("/{name}/groups/{group}/remove")
    String removeGroup(@PathVariable String name, @PathVariable String group, Model model,
            RedirectAttributes redirect) {
        return change(name, model, redirect, "operator.groupRemoved", () -> operators.removeManualGroup(name, group));
    }

    /** What disabling the operator ends, and the button that does it: never one click. */
    @GetMapping("/{name}/disable")
    String confirmDisable(@PathVariable String name, Model model) {
        model.addAttribute("operator", operators.get(name));
        return "operators/disable";
    }

    @PostMapping("/{name}/disable")
    String disable(@PathVariable String name, Model model, RedirectAttributes redirect) {
        return change(name, model, redirect, "operator.disabledFlash", () -> operators.disable(name));
    }

    @PostMapping("/{name}/enable")
    String enable(@PathVariable String name, Model model, RedirectAttributes redirect) {
        return change(name, model, redirect, "operator.enabledFlash", () -> operators.enable(name));
    }

    private String change(String name, Model model, RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException | ConflictException refused) {
            FormErrors.show(model, refused);
            return detail(name, model);
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:/admin/operators/{name}";
    }
}
