// The console's only script (docs/decisions/0017): no inline handlers, the Content-Security-Policy forbids them.
// Every page works without it; it localizes times, shows copy buttons, and shows the account form's fields of the
// chosen type.
(function () {
    'use strict';

    var FORMAT = { dateStyle: 'medium', timeStyle: 'medium' };

    // <time datetime="…Z" title="… UTC">: the text in the browser's zone, the UTC value stays on hover.
    function localizeTimes(root) {
        root.querySelectorAll('time[datetime]:not([data-local])').forEach(function (time) {
            var at = new Date(time.getAttribute('datetime'));
            if (!isNaN(at.getTime())) {
                time.textContent = at.toLocaleString(undefined, FORMAT);
                time.setAttribute('data-local', 'true');
            }
        });
    }

    function showCopyButtons(root) {
        root.querySelectorAll('button[data-copy]').forEach(function (button) {
            if (navigator.clipboard) {
                button.hidden = false;
            }
        });
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-copy]');
        if (!button) {
            return;
        }
        var source = document.getElementById(button.getAttribute('data-copy'));
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
            var label = button.textContent;
            button.textContent = button.getAttribute('data-copied') || 'Copied';
            setTimeout(function () { button.textContent = label; }, 2000);
        });
    });

    // The external account form: sections marked data-account-types show only for those types.
    function showTypeSections() {
        var select = document.getElementById('type');
        if (!select || !document.getElementById('account-form')) {
            return;
        }
        document.querySelectorAll('[data-account-types]').forEach(function (section) {
            section.hidden = section.getAttribute('data-account-types').split(' ').indexOf(select.value) < 0;
        });
    }

    document.addEventListener('change', function (event) {
        if (event.target.id === 'type') {
            showTypeSections();
        }
    });

    function enhance(root) {
        localizeTimes(root);
        showCopyButtons(root);
    }

    document.addEventListener('DOMContentLoaded', function () {
        enhance(document);
        showTypeSections();
    });
    document.addEventListener('htmx:afterSettle', function (event) {
        enhance(event.target);
    });
})();
