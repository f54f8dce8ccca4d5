// Buttons marked data-print print the page (the print style sheet keeps only the receipt).
document.querySelectorAll("[data-print]").forEach(button =>
    button.addEventListener("click", () => window.print()));
