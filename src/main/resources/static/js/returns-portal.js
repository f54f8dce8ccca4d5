// The returns portal's form: keeps "you will get back about …" in step with the chosen quantities
// and outcomes (store credit adds the bonus, rounded down as the server does). Without this script
// the form works the same; the server computes the real amounts. Also moves the focus to the
// error summary of a form sent back with problems.
document.addEventListener('DOMContentLoaded', () => {
    // A form sent back with problems: the summary is where a keyboard or screen reader user starts.
    const summary = document.getElementById('error-summary');
    if (summary) {
        summary.focus();
    }
    const estimate = document.getElementById('estimate');
    const form = document.querySelector('.return-form');
    if (!estimate || !form) {
        return;
    }
    const money = new Intl.NumberFormat(document.documentElement.lang || 'en', {
        style: 'currency',
        currency: estimate.dataset.currency,
    });
    const bonusPercent = Number(estimate.dataset.bonus || 0);
    const update = () => {
        let total = 0;
        form.querySelectorAll('.return-line[data-unit]').forEach((line) => {
            const quantity = line.querySelector('select.quantity');
            if (!quantity) {
                return;
            }
            let value = Number(line.dataset.unit) * Number(quantity.value);
            if (line.querySelector('input[type=radio][value=STORE_CREDIT]:checked')) {
                value += Math.floor(value * bonusPercent) / 100;
            }
            total += value;
        });
        estimate.textContent = estimate.dataset.template.replace('{0}', money.format(total));
    };
    form.addEventListener('change', update);
    update();
});
