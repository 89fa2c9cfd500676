// examples/svg_plot.hpp: a small line-plot writer, no dependencies: side-by-side panels, each
// with a grid, axes, tick labels, a title, a legend and one <path> per curve.
#pragma once

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace svg {

struct curve {
  std::string label;
  std::string colour;
  bool dashed = false;
  std::vector<double> x, y;
};

struct panel {
  std::string title;
  double x_min, x_max, x_tick;
  double y_min, y_max, y_tick;
  std::vector<curve> curves;
};

inline std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", std::fabs(v) < 1e-12 ? 0.0 : v);
  return buf;
}

inline std::string render(const std::vector<panel>& panels) {
  constexpr double k_width = 520, k_height = 400;                         // one panel
  constexpr double k_left = 50, k_right = 15, k_top = 40, k_bottom = 35;  // plot-area margins
  const double total_w = k_width * static_cast<double>(panels.size());
  const double plot_w = k_width - k_left - k_right, plot_h = k_height - k_top - k_bottom;
  std::ostringstream s;
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << total_w << "\" height=\"" << k_height
    << "\" viewBox=\"0 0 " << total_w << ' ' << k_height
    << "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
    << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  for (std::size_t p = 0; p < panels.size(); ++p) {
    const panel& pn = panels[p];
    const auto px = [&](double x) {
      return k_left + (x - pn.x_min) / (pn.x_max - pn.x_min) * plot_w;
    };
    const auto py = [&](double y) {
      return k_top + (pn.y_max - y) / (pn.y_max - pn.y_min) * plot_h;
    };
    s << "<g transform=\"translate(" << k_width * static_cast<double>(p) << ",0)\">\n"
      << "<clipPath id=\"area" << p << "\"><rect x=\"" << k_left << "\" y=\"" << k_top
      << "\" width=\"" << plot_w << "\" height=\"" << plot_h << "\"/></clipPath>\n"
      << "<text x=\"" << k_left + plot_w / 2 << "\" y=\"24\" text-anchor=\"middle\" "
      << "font-size=\"16\" font-weight=\"bold\">" << pn.title << "</text>\n";
    // Grid and tick labels; the axes through 0 drawn darker.
    for (double x = std::ceil(pn.x_min / pn.x_tick) * pn.x_tick; x <= pn.x_max + 1e-9;
         x += pn.x_tick) {
      const bool axis = std::fabs(x) < 1e-9;
      s << "<line x1=\"" << px(x) << "\" y1=\"" << k_top << "\" x2=\"" << px(x) << "\" y2=\""
        << k_top + plot_h << "\" stroke=\"" << (axis ? "#555" : "#e3e3e3") << "\"/>\n"
        << "<text x=\"" << px(x) << "\" y=\"" << k_top + plot_h + 18
        << "\" text-anchor=\"middle\" fill=\"#333\">" << number(x) << "</text>\n";
    }
    for (double y = std::ceil(pn.y_min / pn.y_tick) * pn.y_tick; y <= pn.y_max + 1e-9;
         y += pn.y_tick) {
      const bool axis = std::fabs(y) < 1e-9;
      s << "<line x1=\"" << k_left << "\" y1=\"" << py(y) << "\" x2=\"" << k_left + plot_w
        << "\" y2=\"" << py(y) << "\" stroke=\"" << (axis ? "#555" : "#e3e3e3") << "\"/>\n"
        << "<text x=\"" << k_left - 6 << "\" y=\"" << py(y) + 4
        << "\" text-anchor=\"end\" fill=\"#333\">" << number(y) << "</text>\n";
    }
    s << "<rect x=\"" << k_left << "\" y=\"" << k_top << "\" width=\"" << plot_w << "\" height=\""
      << plot_h << "\" fill=\"none\" stroke=\"#999\"/>\n";
    // The curves, clipped to the plot area.
    s << "<g clip-path=\"url(#area" << p << ")\" fill=\"none\" stroke-width=\"2.2\" "
      << "stroke-linejoin=\"round\">\n";
    for (const curve& c : pn.curves) {
      s << "<path stroke=\"" << c.colour << "\"" << (c.dashed ? " stroke-dasharray=\"7 4\"" : "")
        << " d=\"";
      for (std::size_t i = 0; i < c.x.size(); ++i) {
        s << (i == 0 ? "M" : " L") << number(px(c.x[i])) << ',' << number(py(c.y[i]));
      }
      s << "\"><title>" << c.label << "</title></path>\n";
    }
    s << "</g>\n";
    // Legend, top left, on a white card.
    const double lx = k_left + 10, ly = k_top + 10, row = 18;
    s << "<rect x=\"" << lx << "\" y=\"" << ly << "\" width=\"150\" height=\""
      << row * static_cast<double>(pn.curves.size()) + 8
      << "\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#ccc\"/>\n";
    for (std::size_t i = 0; i < pn.curves.size(); ++i) {
      const curve& c = pn.curves[i];
      const double y = ly + 14 + row * static_cast<double>(i);
      s << "<line x1=\"" << lx + 8 << "\" y1=\"" << y - 4 << "\" x2=\"" << lx + 34 << "\" y2=\""
        << y - 4 << "\" stroke=\"" << c.colour << "\" stroke-width=\"2.2\""
        << (c.dashed ? " stroke-dasharray=\"7 4\"" : "") << "/>\n"
        << "<text x=\"" << lx + 40 << "\" y=\"" << y << "\">" << c.label << "</text>\n";
    }
    s << "</g>\n";
  }
  s << "</svg>\n";
  return s.str();
}

}  // namespace svg
