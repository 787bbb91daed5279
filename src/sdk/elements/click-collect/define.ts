import { defineElement } from '../internal/define.js';
import { CitylabClickCollect } from './click-collect.js';

defineElement('citylab-click-collect', CitylabClickCollect);

declare global {
  interface HTMLElementTagNameMap {
    'citylab-click-collect': CitylabClickCollect;
  }
}
