// Small browser helpers the Blazor pages call through JS interop.
window.monitoring = {
    downloadSvg(svgId, fileName) {
        const svg = document.getElementById(svgId);
        if (!svg) {
            return;
        }

        const markup = new XMLSerializer().serializeToString(svg);
        const blob = new Blob([markup], { type: "image/svg+xml" });
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        link.click();
        URL.revokeObjectURL(link.href);
    },
};
